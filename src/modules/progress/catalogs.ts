import type { CurriculumService } from '../curriculum/service.js';

export type Catalog = Awaited<ReturnType<CurriculumService['catalog']>>;
/** A published course version's lessons, modules and quizzes, by its id. */
export type CatalogOf = (courseVersionId: string) => Promise<Catalog>;

const CATALOG_CACHE_SIZE = 200;

/** Published versions never change, so their catalogs are kept; oldest dropped first, failures not kept. */
export function cachedCatalogs(curriculum: Pick<CurriculumService, 'catalog'>): CatalogOf {
  const catalogs = new Map<string, Promise<Catalog>>();
  return (versionId) => {
    let entry = catalogs.get(versionId);
    if (!entry) {
      entry = curriculum.catalog(versionId);
      entry.catch(() => catalogs.delete(versionId));
      catalogs.set(versionId, entry);
      if (catalogs.size > CATALOG_CACHE_SIZE) catalogs.delete(catalogs.keys().next().value!);
    }
    return entry;
  };
}
