// Writes UnixFS importer test vectors (TSV) with the JS reference importer.
// Run through make-vectors.sh, which installs the pinned packages in a temp dir.
// Inputs are generated, never stored: files from a seeded xorshift32 stream, trees from
// a spec string that UnixFsVectorsTest parses the same way.
import { importer } from 'ipfs-unixfs-importer'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { balanced } from 'ipfs-unixfs-importer/layout'
import { BlackHoleBlockstore } from 'blockstore-core/black-hole'
import { murmur3128 } from '@multiformats/murmur3'
import { writeFileSync, mkdtempSync, rmSync, createWriteStream } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const out = process.argv[2]
const useIpfsCid = process.argv[3] === 'ipfs-cid'
const lines = []
const KiB = 1024
const MiB = 1024 * KiB

// ---- deterministic content: xorshift32, 4 little-endian bytes per step ----
function * xorshiftChunks (size, seed, piece = 64 * KiB) {
  let x = seed >>> 0
  if (x === 0) throw new Error('seed must not be 0')
  let left = size
  while (left > 0) {
    const n = Math.min(piece, left)
    const buf = new Uint8Array(n)
    let i = 0
    while (i < n) {
      x ^= x << 13; x >>>= 0
      x ^= x >>> 17
      x ^= x << 5; x >>>= 0
      for (let b = 0; b < 4 && i < n; b++, i++) buf[i] = (x >>> (8 * b)) & 0xff
    }
    left -= n
    yield buf
  }
}

function content (size, seed) { return xorshiftChunks(size, seed) }

// ---- profiles: the three named ones, plus small variants to reach tree depth cheaply ----
function kuboV1Raw () {
  return { cidVersion: 1, rawLeaves: true, chunker: fixedSize({ chunkSize: 256 * KiB }),
    layout: balanced({ maxChildrenPerNode: 174 }), shardSplitStrategy: 'links-bytes', shardSplitThresholdBytes: 256 * KiB }
}
function custom (spec) {
  // spec: cidv=0,raw=0,chunk=256,links=11,hamt=262144,est=links
  const p = Object.fromEntries(spec.split(',').map(kv => kv.split('=')))
  return { cidVersion: Number(p.cidv), rawLeaves: p.raw === '1', chunker: fixedSize({ chunkSize: Number(p.chunk) }),
    layout: balanced({ maxChildrenPerNode: Number(p.links) }), shardSplitThresholdBytes: Number(p.hamt),
    shardSplitStrategy: p.est === 'block' ? 'block-bytes' : 'links-bytes' }
}
function options (profile) {
  if (profile === 'unixfs-v0-2015' || profile === 'unixfs-v1-2025') return { profile }
  if (profile === 'kubo-v1-raw') return kuboV1Raw()
  return custom(profile)
}
// the named JS profiles must equal the explicit settings that Kubo documents for them
const explicit = {
  'unixfs-v0-2015': 'cidv=0,raw=0,chunk=262144,links=174,hamt=262144,est=links',
  'unixfs-v1-2025': 'cidv=1,raw=1,chunk=1048576,links=1024,hamt=262144,est=block'
}

async function importOne (source, profile) {
  let last
  for await (const entry of importer(source, new BlackHoleBlockstore(), options(profile))) last = entry
  return last
}

async function fileVector (profile, size, seed) {
  const r = await importOne({ content: content(size, seed) }, profile)
  if (explicit[profile] != null) {
    const again = await importOne({ content: content(size, seed) }, explicit[profile])
    if (!again.cid.equals(r.cid)) throw new Error(`${profile} differs from ${explicit[profile]} at size ${size}`)
  }
  let checked = '-'
  if (useIpfsCid && profile === 'unixfs-v0-2015') checked = await checkWithIpfsCid(size, seed, r.cid.toString())
  lines.push(['file', profile, size, seed, r.cid.toString(), r.size.toString(), checked].join('\t'))
}

async function checkWithIpfsCid (size, seed, expected) {
  const dir = mkdtempSync(join(tmpdir(), 'vec-'))
  const path = join(dir, 'f.bin')
  const ws = createWriteStream(path)
  for (const piece of content(size, seed)) { if (!ws.write(piece)) await once(ws, 'drain') }
  ws.end(); await once(ws, 'finish')
  const got = JSON.parse(execFileSync('ipfs_cid', [path], { stdio: ['ignore', 'pipe', 'ignore'] }).toString()).CIDv0
  rmSync(dir, { recursive: true })
  if (got !== expected) throw new Error(`ipfs_cid says ${got}, JS importer ${expected} (size ${size} seed ${seed})`)
  return 'ipfs-cid'
}

async function textVector (profile, text) {
  const bytes = new TextEncoder().encode(text)
  const r = await importOne({ content: bytes }, profile)
  lines.push(['text', profile, Buffer.from(bytes).toString('hex'), r.cid.toString(), r.size.toString()].join('\t'))
}

// ---- trees: spec entries separated by '|': "path=size@seed" is a file, "path/" an (empty) directory,
// "many:N:W:prefix" is N files named prefix + zero-padded index to W digits, file i = (i%7+1)@(i+1) ----
function expand (spec) {
  const out = []
  for (const item of spec.split('|')) {
    if (item === '') continue
    if (item.startsWith('many:')) {
      const [, n, w, prefix] = item.split(':')
      for (let i = 0; i < Number(n); i++) out.push({ path: prefix + String(i).padStart(Number(w), '0'), size: i % 7 + 1, seed: i + 1 })
    } else if (item.endsWith('/')) {
      out.push({ path: item.slice(0, -1) })
    } else {
      const [path, rest] = item.split('=')
      const [size, seed] = rest.split('@').map(Number)
      out.push({ path, size, seed })
    }
  }
  return out
}

async function treeVector (profile, caseName, spec) {
  const source = [{ path: 'root' }]
  for (const e of expand(spec)) {
    source.push(e.size == null ? { path: 'root/' + e.path } : { path: 'root/' + e.path, content: content(e.size, e.seed) })
  }
  let root
  for await (const entry of importer(source, new BlackHoleBlockstore(), options(profile))) {
    if (entry.path === 'root') root = entry
  }
  lines.push(['tree', profile, caseName, spec, root.cid.toString(), root.size.toString()].join('\t'))
}

// ---- murmur3-x64-128 (seed 0), the HAMT hash, over a few inputs ----
for (const hex of ['', '00', '61', '616263', '68656c6c6f', '000102030405060708090a0b0c0d0e', '000102030405060708090a0b0c0d0e0f',
  '000102030405060708090a0b0c0d0e0f10', Buffer.from('file-00000.txt').toString('hex'), Buffer.from('ünïcödé ☃').toString('hex'),
  Buffer.from('a much longer input string that spans several sixteen-byte blocks!').toString('hex')]) {
  const digest = await murmur3128.encode(Buffer.from(hex, 'hex'))
  lines.push(['murmur3', hex === '' ? '-' : hex, Buffer.from(digest).toString('hex')].join('\t'))
}

const named = ['unixfs-v0-2015', 'kubo-v1-raw', 'unixfs-v1-2025']
for (const p of named) {
  await textVector(p, 'hello\n')
  await textVector(p, 'hello world')
}
// sizes around chunk and level boundaries of the real profiles (the 256 KiB ones get a second level at 174 chunks)
for (const p of ['unixfs-v0-2015', 'kubo-v1-raw']) {
  for (const size of [0, 1, 256 * KiB - 1, 256 * KiB, 256 * KiB + 1, 3 * MiB + 17, 174 * 256 * KiB, 174 * 256 * KiB + 1]) {
    await fileVector(p, size, 42)
  }
}
for (const size of [0, 1, MiB, MiB + 1, 3 * MiB + 17]) await fileVector('unixfs-v1-2025', size, 42)
// tree depth with small chunks: 11 links give 3 levels at 11^2*256+1 and 4 at 11^3*256+1; 174 links give 3 levels at 174^2*256+1
const small = [
  'cidv=0,raw=0,chunk=256,links=11,hamt=262144,est=links',
  'cidv=1,raw=1,chunk=256,links=11,hamt=262144,est=links',
  'cidv=1,raw=1,chunk=256,links=11,hamt=262144,est=block'
]
for (const p of small) {
  for (const size of [0, 255, 256, 257, 11 * 256, 11 * 256 + 1, 121 * 256, 121 * 256 + 1, 1331 * 256 + 1, 1331 * 256 * 2 + 999]) {
    await fileVector(p, size, 7)
  }
}
for (const p of ['cidv=0,raw=0,chunk=256,links=174,hamt=262144,est=links', 'cidv=1,raw=1,chunk=256,links=174,hamt=262144,est=links']) {
  for (const size of [174 * 256, 174 * 256 + 1, 174 * 174 * 256, 174 * 174 * 256 + 1]) await fileVector(p, size, 9)
}

const trees = [
  ['empty-dir', ''],
  ['one-file', 'a.txt=6@1'],
  ['nested', 'a.txt=6@1|b/c.bin=300000@2|b/d/|b/e.txt=1@3|b/f/g/h.txt=10@4|z/|Z.txt=0@5'],
  ['unicode', 'é.txt=5@1|日本語/ファイル.txt=12@2|emoji 😀.txt=3@3|naïve/'],
  // by UTF-16 code units "😀" (D83D) < "｡" (FF61); by UTF-8 bytes "｡" (EF) < "😀" (F0); ASCII upper < lower
  ['sort-order', '😀=1@1|｡=1@2|a=1@3|B=1@4|a.txt=1@5|a-b=1@6|ab=1@7|é=1@8|e=1@9|~=1@10'],
  // 4096 names of 28 bytes: the links estimate is exactly 4096*(28+36)=262144 for CIDv1 raw children, not above the threshold
  ['at-threshold', 'many:4096:24:name'],
  ['hamt', 'many:4000:36:entry-with-a-long-name-'],
  ['hamt-nested', 'sub/x.txt=3@3|many:6000:10:f']
]
for (const p of [...named, 'cidv=1,raw=1,chunk=256,links=11,hamt=1000,est=links']) {
  for (const [name, spec] of trees) await treeVector(p, name, spec)
}

writeFileSync(out, '# UnixFS importer vectors, written by ipfs/src/test/vectors/make-vectors.sh with ' +
  'ipfs-unixfs-importer@17 (JS reference importer); do not edit.\n' +
  '# file\tprofile\tsize\tseed\troot CID\troot Tsize\tcross-checked\n' +
  '# text\tprofile\thex\troot CID\troot Tsize\n' +
  '# tree\tprofile\tcase\tspec\troot CID\troot Tsize\n' +
  '# murmur3\tinput hex\tmurmur3-x64-128 hex\n' +
  lines.join('\n') + '\n')
console.log(`wrote ${lines.length} vectors to ${out}`)
