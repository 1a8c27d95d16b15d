// Writes a small CAR v1 with @ipld/car (the JS reference) and prints it as JSON:
// a dag-pb directory node linking two raw blocks, in DFS order, root in the header.
import { CarWriter } from '@ipld/car'
import * as dagPb from '@ipld/dag-pb'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { CID } from 'multiformats/cid'

const enc = new TextEncoder()
const rawBlock = async (text) => {
  const bytes = raw.encode(enc.encode(text))
  return { cid: CID.createV1(raw.code, await sha256.digest(bytes)), bytes }
}
const a = await rawBlock('alpha\n')
const b = await rawBlock('beta\n')
// UnixFS directory Data: Type=1
const node = dagPb.prepare({ Data: new Uint8Array([0x08, 0x01]), Links: [
  { Name: 'a.txt', Hash: a.cid, Tsize: a.bytes.length },
  { Name: 'b.txt', Hash: b.cid, Tsize: b.bytes.length }] })
const rootBytes = dagPb.encode(node)
const root = CID.createV1(dagPb.code, await sha256.digest(rootBytes))
const { writer, out } = CarWriter.create([root])
const chunks = []
const done = (async () => { for await (const c of out) chunks.push(c) })()
await writer.put({ cid: root, bytes: rootBytes })
await writer.put(a)
await writer.put(b)
await writer.close()
await done
const car = Buffer.concat(chunks.map((c) => Buffer.from(c)))
console.log(JSON.stringify({ root: root.toString(), blocks: [root.toString(), a.cid.toString(), b.cid.toString()],
  carHex: car.toString('hex') }, null, 2))
