import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RELATIONSHIP_TYPES } from '../../src/model/model.js';
import {
  REACH_RELATIONS,
  edgeLabel,
  endsOf,
  familyRelations,
  kindOfLabels,
  labelsOfKind,
  phrase,
  pointsUp,
  sideTowards,
  stepPhrase,
  stepPredicate,
  walkPattern,
  type EdgeType,
} from '../../src/model/vocabulary.js';

const SRC = new URL('../../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(ts|js|html)$/.test(entry.name) ? [file] : [];
  });
}

describe('the vocabulary', () => {
  it('has words and ends for every relationship type of the model', () => {
    for (const type of ALL_RELATIONSHIP_TYPES) {
      expect(phrase(type as EdgeType, 'FORWARD'), type).toMatch(/\w/);
      expect(phrase(type as EdgeType, 'BACKWARD'), type).toMatch(/\w/);
      expect(endsOf(type)?.from.length, type).toBeGreaterThan(0);
    }
  });

  it('reads a step walked up towards the listed party, and back down', () => {
    expect(stepPhrase('OWNS', 'UP')).toBe('owned by');
    expect(stepPhrase('OWNS', 'DOWN')).toBe('owns');
    expect(stepPhrase('SUBSIDIARY_OF', 'UP')).toBe('subsidiary of');
    expect(stepPhrase('SUBSIDIARY_OF', 'DOWN')).toBe('parent of');
    expect(stepPredicate('SUBSIDIARY_OF')).toBe('is a subsidiary of');
    expect(stepPredicate('AFFILIATE_OF')).toBe('is an affiliate of');
    expect(stepPredicate('OWNS')).toBe('is owned by');
    expect(stepPredicate('OWNS', 60)).toBe('is 60% owned by');
    expect(edgeLabel('OWNS', { percent: 60 })).toBe('owns 60 %');
    expect(edgeLabel('DESIGNATED_ON', { validFrom: '2019-10-09' })).toBe('designated on 2019-10-09');
  });

  it('walks owners up and holdings down along each relation the way a restriction travels', () => {
    const up = walkPattern(familyRelations('HOLDING'), 'UP');
    expect(up.types).toBe('OWNS|SUBSIDIARY_OF|CONTROLS');
    expect(up.where).toBe(
      "(type(r) IN ['SUBSIDIARY_OF'] AND startNode(r) = a) OR (type(r) IN ['OWNS', 'CONTROLS'] AND startNode(r) = b)",
    );
    expect(walkPattern(['AFFILIATE_OF'], 'UP').where).toBe("(type(r) IN ['AFFILIATE_OF'])");
    expect(sideTowards('OWNS', 'UP')).toBe('IN');
    expect(sideTowards('BRAND_OF', 'UP')).toBe('OUT');
    expect(sideTowards('AFFILIATE_OF', 'DOWN')).toBe('BOTH');
    expect(REACH_RELATIONS.filter(pointsUp)).toEqual(['SUBSIDIARY_OF', 'BRAND_OF']);
  });

  it('maps kinds to label sets and back', () => {
    expect(labelsOfKind('GOVERNMENT_BODY')).toEqual(['Node', 'GovernmentBody', 'Party', 'Entity']);
    expect(kindOfLabels(['Node', 'RestrictedList'])).toBe('LIST');
    expect(kindOfLabels(['Node', 'Source'])).toBeUndefined();
  });

  it('is the one place that words a relation: no other source file quotes a phrase of a reach relation', () => {
    const phrases = REACH_RELATIONS.flatMap((type) => [phrase(type, 'FORWARD'), phrase(type, 'BACKWARD')]);
    const offenders = sourceFiles(SRC)
      .filter((file) => !file.endsWith(path.join('model', 'vocabulary.ts')))
      .flatMap((file) => {
        const text = fs.readFileSync(file, 'utf8');
        return [...new Set(phrases)]
          .filter((words) => ["'", '"', '`'].some((quote) => text.includes(`${quote}${words}${quote}`)))
          .map((words) => `${path.relative(SRC, file)}: "${words}"`);
      });
    expect(offenders).toEqual([]);
  });
});
