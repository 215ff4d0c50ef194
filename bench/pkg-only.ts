import { benchDataPackage } from './interchange.ts';
await benchDataPackage('sqlite');
