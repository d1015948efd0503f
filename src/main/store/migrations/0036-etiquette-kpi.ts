import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: etiquette checks of staff (形象礼仪, manual section 5) — a checklist as data with the
// manual's defaults, each check scoring every active item passed or failed with a note — and the
// manager's KPI targets per role and period (a month, or a quarter's three months alike).
export const m0036: Migration = {
  name: '0036-etiquette-kpi',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE etiquette_items (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        position INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT`,
      `CREATE TABLE etiquette_checks (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        checked_on TEXT NOT NULL CHECK (checked_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        checker_id INTEGER NOT NULL REFERENCES users(id),
        passed INTEGER NOT NULL CHECK (passed >= 0),
        items INTEGER NOT NULL CHECK (items > 0 AND passed <= items),
        created_at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX etiquette_checks_person ON etiquette_checks(user_id, checked_on)`,
      `CREATE INDEX etiquette_checks_day ON etiquette_checks(checked_on)`,
      `CREATE TABLE etiquette_results (
        check_id INTEGER NOT NULL REFERENCES etiquette_checks(id) ON DELETE CASCADE,
        item_id INTEGER NOT NULL REFERENCES etiquette_items(id),
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (check_id, item_id)
      ) STRICT`,
      `INSERT INTO etiquette_items (label, position) VALUES
        ('仪容仪表：按规定着工装、佩戴工牌，整洁得体',1),
        ('客户到店 30 秒内主动迎接问候',2),
        ('与客户一起环车检查并记录',3),
        ('接车时铺好三件套（座椅套、方向盘套、脚垫）',4),
        ('向客户解释估价单的项目与金额',5),
        ('使用规范用语，电话三声内接听',6),
        ('交车时说明完成的项目并送客户离店',7)`,
      `CREATE TABLE kpi_targets (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        kind TEXT NOT NULL CHECK (kind IN ('advisor','technician','parts')),
        kpi TEXT NOT NULL,
        target INTEGER NOT NULL CHECK (target >= 0),
        set_by INTEGER NOT NULL REFERENCES users(id),
        set_at TEXT NOT NULL,
        UNIQUE (month, kind, kpi)
      ) STRICT`,
    ]),
}
