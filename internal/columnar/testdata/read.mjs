// Reads Parquet files with hyparquet (pure JavaScript, independent of
// parquet-go) and prints {"file": rows, ...} as JSON on stdout.
// usage: node read.mjs HYPARQUET_ENTRY FILE...
import { pathToFileURL } from 'node:url'

const [entry, ...files] = process.argv.slice(2)
const { asyncBufferFromFile, parquetReadObjects, parquetMetadataAsync } = await import(pathToFileURL(entry).href)
const out = {}
for (const f of files) {
  const file = await asyncBufferFromFile(f)
  const meta = await parquetMetadataAsync(file)
  const rows = await parquetReadObjects({ file })
  out[f] = { num_rows: Number(meta.num_rows), row_groups: meta.row_groups.length, rows }
}
process.stdout.write(JSON.stringify(out, (k, v) => (typeof v === 'bigint' ? Number(v) : v)))
