import type { TemplateCategory, TemplateComponentDefinition, TemplateStatus } from '../../schemas/graph/templates.ts';
import { createNumericId } from '../ids.ts';
import type { TemplateSeed } from '../options.ts';

export type TemplateEntry = {
  id: string;
  name: string;
  language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  components: TemplateComponentDefinition[];
  paced: boolean;
};

export type TemplateFilter = { name?: string; status?: string; category?: string; language?: string };

/**
 * The simulator's template registry: name + language → status, category and
 * components, as Meta's Business Management API keeps them (reference §7).
 */
export function createTemplateRegistry(seeds: readonly TemplateSeed[]) {
  const entries: TemplateEntry[] = [];

  function add(seed: TemplateSeed): TemplateEntry {
    const entry: TemplateEntry = {
      id: seed.id ?? createNumericId(),
      name: seed.name,
      language: seed.language,
      category: seed.category,
      status: seed.status ?? 'APPROVED',
      parameterFormat: seed.parameter_format?.toUpperCase() === 'NAMED' ? 'NAMED' : 'POSITIONAL',
      components: seed.components,
      paced: seed.paced ?? false,
    };
    entries.push(entry);
    return entry;
  }

  for (const seed of seeds) add(seed);

  const live = () => entries.filter((e) => e.status !== 'DELETED');

  return {
    add,
    find(name: string, language: string): TemplateEntry | undefined {
      return live().find((e) => e.name === name && e.language === language);
    },
    byId(id: string): TemplateEntry | undefined {
      return live().find((e) => e.id === id);
    },
    list(filter: TemplateFilter = {}): TemplateEntry[] {
      return live().filter(
        (e) =>
          (filter.name === undefined || e.name.includes(filter.name)) &&
          (filter.status === undefined || e.status === filter.status.toUpperCase()) &&
          (filter.category === undefined || e.category === filter.category.toUpperCase()) &&
          (filter.language === undefined || e.language === filter.language),
      );
    },
    /** Deletes every language of `name`, or the one with `hsmId`. Returns how many were deleted. */
    remove(name: string, hsmId?: string): number {
      const targets = live().filter((e) => e.name === name && (hsmId === undefined || e.id === hsmId));
      for (const target of targets) target.status = 'DELETED';
      return targets.length;
    },
    setStatus(id: string, status: TemplateStatus): TemplateEntry | undefined {
      const entry = live().find((e) => e.id === id);
      if (entry) entry.status = status;
      return entry;
    },
  };
}

export type TemplateRegistry = ReturnType<typeof createTemplateRegistry>;

/** The entry as the list endpoint shows it. */
export function templateRecord(entry: TemplateEntry) {
  return {
    id: entry.id,
    name: entry.name,
    language: entry.language,
    status: entry.status,
    category: entry.category,
    parameter_format: entry.parameterFormat,
    components: entry.components,
  };
}
