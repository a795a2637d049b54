// The role of the section a sentence sits in, from the words of its heading
// (`sectionRoles` in src/core/data/*.json; both languages' words apply to any heading, since
// Chinese docs often keep English headings). A heading may name several roles ("Motivation and
// Design"); no heading, or none of the words, gives no role and the sentence is judged alone.
import enData from '../data/en.json';
import zhData from '../data/zh.json';

export type SectionRole = 'value' | 'description' | 'background';
const ROLES: SectionRole[] = ['value', 'description', 'background'];

type RoleWords = Record<SectionRole, string[]>;
const words: RoleWords = { value: [], description: [], background: [] };
for (const data of [enData, zhData] as Array<{ sectionRoles?: Partial<RoleWords> }>) {
  for (const role of ROLES) words[role].push(...(data.sectionRoles?.[role] ?? []).map((w) => w.toLowerCase()));
}

/** The roles a heading names, in a fixed order, joined by '+' ("value", "value+description"); '' for none. */
export function sectionRole(heading: string | undefined): string {
  if (!heading) return '';
  const h = ` ${heading.toLowerCase().replace(/[\s_:：#*`-]+/g, ' ').trim()} `;
  return ROLES.filter((role) => words[role].some((w) => h.includes(w))).join('+');
}
