/** `npm run docs`: writes docs/workbook.md from the schema and prints its path. */

import { writeWorkbookDoc } from './workbook-doc';

process.stdout.write(`${writeWorkbookDoc()}\n`);
