import Database from 'better-sqlite3'
const db = new Database(process.argv[2], { readonly: true })
const q = process.argv[3]
for (const r of db.prepare('EXPLAIN QUERY PLAN ' + q).all()) console.log(r.id, r.parent, r.detail)
const t = performance.now(); const rows = db.prepare(q).all(); console.log('rows', rows.length, (performance.now() - t).toFixed(1), 'ms')
