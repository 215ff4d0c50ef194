import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  appendLeaves,
  consistencyPlan,
  emptyFrontier,
  emptyRoot,
  frontierRoot,
  inclusionPlan,
  leafHash,
  proofFromPlan,
  rootOfLeaves,
  verifyConsistency,
  verifyInclusion,
  type NodeId,
} from './merkle.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const unhex = (s: string) => Buffer.from(s, 'hex');

// The RFC 6962 reference leaves and tree heads (the Certificate Transparency test vectors, also
// in transparency-dev/merkle's testonly data), used as data only.
const referenceEntries = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);
const referenceRoots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const referenceInclusion = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const referenceConsistency = [
  {
    first: 2,
    second: 8,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    first: 6,
    second: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    first: 2,
    second: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

/** Every complete subtree of a tree of these leaves, as a log stores them. */
function storedNodes(leaves: Buffer[]): (node: NodeId) => Buffer {
  const nodes = new Map<string, Buffer>();
  appendLeaves(emptyFrontier, leaves, (node, hash) =>
    nodes.set(`${node.level}:${node.index}`, hash),
  );
  return (node) => {
    const hash = nodes.get(`${node.level}:${node.index}`);
    if (!hash) throw new Error(`node ${node.level}:${node.index} is not complete`);
    return hash;
  };
}

describe('the Merkle tree of RFC 9162', () => {
  const leaves = referenceEntries.map((e) => leafHash(e));
  const nodes = storedNodes(leaves);

  test('gives the reference root of every size 0..8', () => {
    assert.equal(hex(emptyRoot), referenceRoots[0]);
    for (let n = 0; n <= 8; n++)
      assert.equal(hex(rootOfLeaves(leaves.slice(0, n))), referenceRoots[n]);
  });

  test('gives the same root when appended one leaf, or any group, at a time', () => {
    let frontier = emptyFrontier;
    for (const [i, leaf] of leaves.entries()) {
      frontier = appendLeaves(frontier, [leaf]);
      assert.equal(hex(frontierRoot(frontier)), referenceRoots[i + 1]);
    }
    const inTwo = appendLeaves(appendLeaves(emptyFrontier, leaves.slice(0, 3)), leaves.slice(3));
    assert.equal(hex(frontierRoot(inTwo)), referenceRoots[8]);
  });

  test('gives the reference inclusion proofs, and they verify', () => {
    for (const v of referenceInclusion) {
      const proof = proofFromPlan(inclusionPlan(v.index, v.size), nodes);
      assert.deepEqual(proof.map(hex), v.proof);
      assert.ok(
        verifyInclusion({
          leafIndex: v.index,
          treeSize: v.size,
          leafHash: leaves[v.index]!,
          proof,
          root: unhex(referenceRoots[v.size]!),
        }),
      );
    }
  });

  test('gives the reference consistency proofs, and they verify', () => {
    for (const v of referenceConsistency) {
      const proof = proofFromPlan(consistencyPlan(v.first, v.second), nodes);
      assert.deepEqual(proof.map(hex), v.proof);
      assert.ok(
        verifyConsistency({
          first: v.first,
          second: v.second,
          firstRoot: unhex(referenceRoots[v.first]!),
          secondRoot: unhex(referenceRoots[v.second]!),
          proof,
        }),
      );
    }
  });
});

describe('every proof of every tree of 1 to 64 leaves', () => {
  const leaves = Array.from({ length: 64 }, (_, i) => leafHash(`entry ${i}`));
  const nodes = storedNodes(leaves);
  const roots = Array.from({ length: 65 }, (_, n) => rootOfLeaves(leaves.slice(0, n)));
  const flipped = (proof: Buffer[], at: number) =>
    proof.map((p, i) => (i === at ? Buffer.from(p.map((b, j) => (j === 7 ? b ^ 1 : b))) : p));

  test('inclusion proofs verify, and fail with a flipped byte, another index or another size', () => {
    for (let n = 1; n <= 64; n++) {
      for (let m = 0; m < n; m++) {
        const proof = proofFromPlan(inclusionPlan(m, n), nodes);
        const check = (over: Partial<Parameters<typeof verifyInclusion>[0]>) =>
          verifyInclusion({
            leafIndex: m,
            treeSize: n,
            leafHash: leaves[m]!,
            proof,
            root: roots[n]!,
            ...over,
          });
        assert.ok(check({}), `leaf ${m} of ${n}`);
        for (let at = 0; at < proof.length; at++)
          assert.ok(!check({ proof: flipped(proof, at) }), `flipped ${at}: leaf ${m} of ${n}`);
        if (n > 1) assert.ok(!check({ leafIndex: (m + 1) % n }), `other index: ${m} of ${n}`);
        if (n < 64)
          assert.ok(!check({ treeSize: n + 1, root: roots[n + 1]! }), `other size: ${m} of ${n}`);
        assert.ok(!check({ proof: [...proof, leaves[0]!] }), `longer: ${m} of ${n}`);
        assert.ok(!check({ leafHash: leafHash('another') }), `other leaf: ${m} of ${n}`);
      }
    }
  });

  test('consistency proofs verify, and fail with a flipped byte or another root', () => {
    for (let n = 1; n <= 64; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = proofFromPlan(consistencyPlan(m, n), nodes);
        const check = (over: Partial<Parameters<typeof verifyConsistency>[0]>) =>
          verifyConsistency({
            first: m,
            second: n,
            firstRoot: roots[m]!,
            secondRoot: roots[n]!,
            proof,
            ...over,
          });
        assert.ok(check({}), `${m} to ${n}`);
        for (let at = 0; at < proof.length; at++)
          assert.ok(!check({ proof: flipped(proof, at) }), `flipped ${at}: ${m} to ${n}`);
        if (m < n) {
          assert.ok(!check({ firstRoot: roots[m - 1]! }), `other first root: ${m} to ${n}`);
          assert.ok(!check({ secondRoot: roots[n - 1]! }), `other second root: ${m} to ${n}`);
          assert.ok(!check({ proof: proof.slice(1) }), `shorter: ${m} to ${n}`);
        }
      }
    }
  });

  test('a proof for a leaf or size that does not exist is refused', () => {
    assert.throws(() => inclusionPlan(8, 8), RangeError);
    assert.throws(() => inclusionPlan(-1, 8), RangeError);
    assert.throws(() => consistencyPlan(9, 8), RangeError);
    assert.ok(
      !verifyInclusion({
        leafIndex: 0,
        treeSize: 0,
        leafHash: leaves[0]!,
        proof: [],
        root: emptyRoot,
      }),
    );
  });
});
