// Regenerates cn-mainland.json from the npm package chinese-days (State Council holiday
// arrangements 2004–2026). Run from the repository root after upgrading chinese-days:
//   node packages/domain/calendars/build-from-chinese-days.mjs
// The domain reads only the JSON written here, never the package, so the clock engine keeps no
// runtime dependency beyond zod and a city can add a year as plain data.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const packageJsonPath = require.resolve('chinese-days/package.json', { paths: [process.cwd()] });
const { version } = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
const data = JSON.parse(readFileSync(join(dirname(packageJsonPath), 'dist/chinese-days.json'), 'utf8'));

const byYear = new Map();
const entryFor = (year) => {
  let entry = byYear.get(year);
  if (!entry) {
    entry = {
      year,
      holidays: [],
      workdays: [],
      source: `国务院办公厅关于${year}年部分节假日安排的通知 (transcribed from npm chinese-days@${version})`,
      verified: true,
    };
    byYear.set(year, entry);
  }
  return entry;
};
for (const date of Object.keys(data.holidays)) entryFor(Number(date.slice(0, 4))).holidays.push(date);
for (const date of Object.keys(data.workdays)) entryFor(Number(date.slice(0, 4))).workdays.push(date);

const years = [...byYear.values()].sort((a, b) => a.year - b.year);
for (const entry of years) {
  entry.holidays.sort();
  entry.workdays.sort();
}
const out = join(dirname(fileURLToPath(import.meta.url)), 'cn-mainland.json');
writeFileSync(out, `${JSON.stringify(years, null, 2)}\n`);
console.log(`wrote ${years.length} years (${years[0]?.year}–${years.at(-1)?.year}) to ${out}`);
