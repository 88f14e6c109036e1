/**
 * Runs the W3C Web Annotation test suite's MUST assertions (JSON Schema
 * draft-04, from /work/shared/w3c-annotation-tests) against exported
 * objects, as HOW-TO-VALIDATE.md there describes: the seven definition
 * files loaded first, each assertion compiled on its own, context
 * inheritance for embedded objects, and the upstream `partOf` workaround.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04, { type AnySchemaObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export const W3C_TESTS_DIR = process.env.DIPTYCH_W3C_TESTS ?? '/work/shared/w3c-annotation-tests';

/** One compiled assertion, keyed by its path (ids are not unique across folders). */
export interface Assertion {
  path: string;
  errorMessage: string;
  validate: ValidateFunction;
}

/** A failed assertion: which file, and the suite's own explanation. */
export interface Failure {
  path: string;
  errorMessage: string;
}

type JsonObject = Record<string, unknown>;

const readJson = (path: string): AnySchemaObject => JSON.parse(readFileSync(path, 'utf8')) as AnySchemaObject;

/** Page MUSTs that wrongly apply an object-only schema to `partOf` (upstream bug, see HOW-TO-VALIDATE.md). */
const PART_OF_BUG = new Set([
  'collections/pages/5.2-pageTotalValidated.json',
  'collections/pages/5.2-pageLabelValidated.json',
  'collections/pages/5.2-pageFirstValidated.json',
  'collections/pages/5.2-pageLastValidated.json',
  'collections/pages/3.3.1-pageCreatedValidated.json',
  'collections/pages/3.3.1-pageModifiedValidated.json',
  'collections/pages/3.3.6-pageRightsValidated.json',
]);

function newAjv(): Ajv04 {
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, allowUnionTypes: true, addUsedSchema: false });
  addFormats(ajv);
  // The suite's own bookkeeping keywords: string-valued, no effect on validation.
  for (const keyword of ['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage']) ajv.addKeyword({ keyword, schemaType: 'string' });
  const definitions = join(W3C_TESTS_DIR, 'definitions');
  for (const file of readdirSync(definitions).filter((f) => f.endsWith('.json'))) ajv.addSchema(readJson(join(definitions, file)));
  return ajv;
}

/** The validator for the three MUST manifests: annotation, collection, page. */
export class W3cValidator {
  readonly annotationMusts: Assertion[];
  readonly collectionMusts: Assertion[];
  readonly pageMusts: Assertion[];

  constructor() {
    const ajv = newAjv();
    const load = (manifest: string): Assertion[] =>
      (readJson(join(W3C_TESTS_DIR, manifest)).assertions as string[]).map((path) => {
        const schema = readJson(join(W3C_TESTS_DIR, path));
        return { path, errorMessage: String(schema.errorMessage), validate: ajv.compile(schema) };
      });
    this.annotationMusts = load('annotations/annotationMusts.test');
    this.collectionMusts = load('collections/collectionMusts.test');
    this.pageMusts = load('collections/pages/pageMusts.test');
  }

  /** Failed MUSTs of an annotation; `inheritedContext` is the container's, for an embedded item without its own. */
  checkAnnotation(item: JsonObject, inheritedContext?: unknown): Failure[] {
    return run(this.annotationMusts, withContext(item, inheritedContext));
  }

  /** Failed MUSTs of a collection (the object itself, not its embedded page). */
  checkCollection(collection: JsonObject): Failure[] {
    return run(this.collectionMusts, collection);
  }

  /** Failed MUSTs of a page, with the `partOf` workaround for the assertions that mishandle a string `partOf`. */
  checkPage(page: JsonObject, inheritedContext?: unknown): Failure[] {
    const full = withContext(page, inheritedContext);
    const { partOf: _partOf, ...withoutPartOf } = full;
    const partOfIsObject = typeof full.partOf === 'object' && full.partOf !== null;
    return this.pageMusts.flatMap((a) => run([a], PART_OF_BUG.has(a.path) && !partOfIsObject ? withoutPartOf : full));
  }
}

function withContext(object: JsonObject, inherited: unknown): JsonObject {
  return inherited === undefined || '@context' in object ? object : { '@context': inherited, ...object };
}

function run(assertions: readonly Assertion[], object: JsonObject): Failure[] {
  return assertions.filter((a) => !a.validate(object)).map(({ path, errorMessage }) => ({ path, errorMessage }));
}
