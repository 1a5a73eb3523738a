import type { Question, QuestionQuery, StoredQuestion, UpsertSummary } from '../../domain/question';
import { rowHash } from '../../encoding/row-hash';
import { InvalidStoreInputError, StoreConflictError } from '../../errors/store-error';
import { validateQuestion } from '../../rules/validate-question';
import { whereClause, type SqliteContext } from '../sqlite-context';

interface QuestionRow {
  id: string;
  source: string;
  family: string;
  split: string;
  text: string;
  gold_answers: string;
  metadata: string;
  content_hash: string;
  created_at: number;
}

function toQuestion(row: QuestionRow): StoredQuestion {
  return {
    id: row.id,
    source: row.source as StoredQuestion['source'],
    family: row.family as StoredQuestion['family'],
    split: row.split,
    text: row.text,
    goldAnswers: JSON.parse(row.gold_answers),
    metadata: JSON.parse(row.metadata),
    createdAt: new Date(row.created_at),
  };
}

export class QuestionsRepo {
  constructor(private readonly ctx: SqliteContext) {}

  upsert(questions: readonly Question[]): UpsertSummary {
    if (!Array.isArray(questions)) throw new InvalidStoreInputError('questions must be an array');
    const rows = questions.map((question, i) => {
      const columns = validateQuestion(question, `questions[${i}]`);
      return { ...columns, content_hash: rowHash(columns) };
    });
    return this.ctx.write(() => {
      let inserted = 0;
      const now = this.ctx.now();
      for (const row of rows) {
        const stored = this.ctx.get<{ content_hash: string }>('SELECT content_hash FROM questions WHERE id = ?', row.id);
        if (stored) {
          if (stored.content_hash !== row.content_hash) {
            throw new StoreConflictError(
              `question ${row.id} is already stored with a different payload; questions never change: give the changed question a new id`,
            );
          }
          continue;
        }
        this.ctx.run(
          `INSERT INTO questions (id, source, family, split, text, gold_answers, metadata, content_hash, created_at)
           VALUES (@id, @source, @family, @split, @text, @goldAnswers, @metadata, @content_hash, @created_at)`,
          { ...row, created_at: now },
        );
        inserted++;
      }
      return { inserted, unchanged: rows.length - inserted };
    });
  }

  get(id: string): StoredQuestion | undefined {
    const row = this.ctx.get<QuestionRow>('SELECT * FROM questions WHERE id = ?', id);
    return row && toQuestion(row);
  }

  list(query: QuestionQuery = {}): StoredQuestion[] {
    const where = whereClause([
      ['source = ?', query.source],
      ['family = ?', query.family],
      ['split = ?', query.split],
    ]);
    return this.ctx.all<QuestionRow>(`SELECT * FROM questions ${where.sql} ORDER BY id`, ...where.params).map(toQuestion);
  }
}
