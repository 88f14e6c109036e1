/** The tests replay random cases with the same generator compare mode samples with. */
export { seededRandom } from '../../electron/core/seeded-random';
