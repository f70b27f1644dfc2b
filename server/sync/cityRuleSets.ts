/** The city's published rule-set versions (scoring models and list rules), as the platform holds them. */
import type { RuleSetDocument } from '../../shared/grading/ruleSet.ts';
import type { Queryable } from '../db/database.ts';

/** Every live `ruleSet` reference document of the city, or only those with the given ids. */
export async function loadCityRuleSets(db: Queryable, ids?: readonly string[]): Promise<RuleSetDocument[]> {
  const { rows } = await db.query<{ body: RuleSetDocument }>(
    `SELECT body FROM documents
     WHERE collection = 'reference' AND feed = '*' AND NOT deleted AND body ->> 'kind' = 'ruleSet'
       AND ($1::text[] IS NULL OR id = ANY($1::text[]))`,
    [ids ? [...ids] : null],
  );
  return rows.map((row) => row.body);
}
