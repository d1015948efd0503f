import { openDataset, login } from './lib/dataset'
process.env.NODE_ENV ??= 'production'
const ds = await openDataset(0.05, { log: (l) => console.error(l) })
const app = ds.app
const token = await login(app, 'warranty')
for (let i = 0; i < 100; i++) await app.dispatch('warranty.firstService.list', {}, { token })
await ds.close()
