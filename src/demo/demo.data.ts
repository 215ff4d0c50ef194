/**
 * The demo's processes (facts from the public record, no invented positions) and its documents
 * (illustrative texts written for the demo, each saying it is not a UN document).
 */
import type { NewProcess } from '../processes/processes.schema.ts';
import type { ImportTarget } from '../imports/imports.schema.ts';

/** Real processes of Internet governance, described by facts only. */
export const demoProcesses: NewProcess[] = [
  {
    slug: 'oewg',
    name: 'Open-ended Working Group on ICT in the context of international security',
    shortName: 'OEWG',
    parentBody: 'UN General Assembly, First Committee',
    mandate:
      'Set up by the General Assembly in 2018 under the First Committee to discuss information and communications technologies in the context of international security, open to all Member States.',
    status: 'active',
    established: '2018',
    aliases: ['Open-ended Working Group'],
  },
  {
    slug: 'gge',
    name: 'Group of Governmental Experts on ICT in the context of international security',
    shortName: 'GGE',
    parentBody: 'UN General Assembly, First Committee',
    mandate:
      'Set up by the General Assembly in 2018 under the First Committee: a group of governmental experts on information and communications technologies in the context of international security.',
    status: 'concluded',
    established: '2018',
    aliases: ['Group of Governmental Experts'],
  },
  {
    slug: 'ad-hoc-committee-cybercrime',
    name: 'Ad Hoc Committee on a convention on countering the use of ICTs for criminal purposes',
    shortName: 'Ad Hoc Committee (A/AC.291)',
    parentBody: 'UN General Assembly, Third Committee',
    mandate:
      'Created by the Third Committee in 2019 as an ad hoc intergovernmental committee of experts to draft a comprehensive international convention on countering the use of information and communications technologies for criminal purposes. UNODC serves as its secretariat.',
    status: 'active',
    established: '2019',
    aliases: [
      'OECE',
      'A/AC.291',
      'Open-ended ad hoc intergovernmental committee of experts',
      'Cybercrime Ad Hoc Committee',
    ],
  },
  {
    slug: 'wsis-20',
    name: 'WSIS+20: twenty-year review of the World Summit on the Information Society',
    shortName: 'WSIS+20',
    parentBody: 'UN General Assembly',
    mandate:
      'Review of the outcomes of the World Summit on the Information Society (Geneva 2003, Tunis 2005), twenty years on; the ten-year review (WSIS+10) took place in 2015.',
    status: 'concluded',
    established: '2025',
    aliases: ['WSIS review 2025'],
  },
  {
    slug: 'wgig',
    name: 'Working Group on Internet Governance',
    shortName: 'WGIG',
    parentBody: 'UN Secretary-General (WSIS process)',
    mandate:
      '40 members from governments, the private sector and civil society (2004–2005); four meetings in Geneva with open consultations; draft working papers posted for comment; a working definition of Internet governance and four public-policy clusters.',
    status: 'concluded',
    established: '2004',
    aliases: [],
  },
  {
    slug: 'itu-cwg-internet',
    name: 'ITU Council Working Group on International Internet-related Public Policy Issues',
    shortName: 'CWG-Internet',
    parentBody: 'International Telecommunication Union, Council',
    mandate:
      'Council working group on international Internet-related public policy issues, following Plenipotentiary Resolutions 101 and 102; Member States submit contributions.',
    status: 'active',
    established: null,
    aliases: ['ITU CWG-Internet'],
  },
  {
    slug: 'igf',
    name: 'Internet Governance Forum',
    shortName: 'IGF',
    parentBody: 'UN Secretary-General (Tunis Agenda, 2005)',
    mandate:
      'The multistakeholder forum for policy dialogue on Internet governance called for by the Tunis Agenda (2005).',
    status: 'active',
    established: '2005',
    aliases: [],
  },
];

/** A demo document file and where it goes. */
export interface DemoImport {
  file: string;
  target: Omit<ImportTarget, 'sourceName'>;
}

/** The demo documents, imported in this order through the ordinary importer. */
export const demoImports: DemoImport[] = [
  {
    file: 'oewg-pre-draft.en.txt',
    target: {
      process: 'oewg',
      symbol: 'DEMO/OEWG/2026/1',
      title: 'Illustrative pre-draft: stability of the public core of the Internet (demo)',
      kind: 'draft_report',
      version: 'pre-draft',
      date: '2026-09-14',
      language: 'en',
    },
  },
  {
    file: 'oewg-pre-draft.fr.txt',
    target: { process: 'oewg', document: 'DEMO/OEWG/2026/1', version: 'pre-draft', language: 'fr' },
  },
  {
    file: 'oewg-pre-draft.ar.txt',
    target: { process: 'oewg', document: 'DEMO/OEWG/2026/1', version: 'pre-draft', language: 'ar' },
  },
  {
    file: 'oewg-rev1.en.md',
    target: {
      process: 'oewg',
      document: 'DEMO/OEWG/2026/1',
      version: 'Rev.1',
      date: '2026-11-02',
      language: 'en',
    },
  },
  {
    file: 'ahc-non-paper.en.md',
    target: {
      process: 'OECE',
      symbol: 'DEMO/AC.291/2026/NP.1',
      title: 'Illustrative non-paper on technical assistance and capacity-building (demo)',
      kind: 'non_paper',
      version: 'original',
      date: '2026-10-05',
      language: 'en',
    },
  },
  {
    file: 'ahc-non-paper.zh.txt',
    target: {
      process: 'OECE',
      document: 'DEMO/AC.291/2026/NP.1',
      version: 'original',
      language: 'zh',
    },
  },
];
