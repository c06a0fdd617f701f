/**
 * Resolving a pack's actor and entity references into the objects that the
 * compiled index carries, and the limit on how much text that repeats.
 *
 * The index copies an actor (with all its aliases) into every stance that
 * cites it, and an entity into every claim that names it. That keeps the
 * content script free of lookup tables, but it multiplies: one actor with
 * 20,000 aliases cited by 5,000 stances is a pack of 1.5 MB and an index of
 * gigabytes, which failed with "Invalid string length" (a RangeError, and a
 * frozen options page) rather than an error naming the actor.
 */
import type { PackIssue } from './issues';
import { MAX_REPEATED_CHARS, megabytes } from './limits';
import type { RuntimeActor, RuntimeEntity } from './runtime-types';
import type { Actor, Entity, Pack } from './schema';

/** The runtime forms of a validated pack's references. */
export interface PackResolver {
  actorOf(id: string): RuntimeActor;
  entityOf(id: string): RuntimeEntity;
}

/** Resolves the references of `pack`; validation guarantees every one exists. */
export function packResolver(pack: Pack): PackResolver {
  const actors = new Map<string, Actor>(pack.actors.map((a) => [a.id, a]));
  const named = new Map<string, Actor | Entity>([...pack.entities.map((e) => [e.id, e] as const), ...actors]);
  return {
    actorOf(id) {
      const a = actors.get(id)!;
      return { id: a.id, name: a.name, aliases: a.aliases, role: a.role, kind: a.kind };
    },
    entityOf(id) {
      const e = named.get(id)!;
      return { id: e.id, name: e.name, aliases: e.aliases };
    },
  };
}

/** One resolved reference target: its size in the index and how often it is copied there. */
interface Target {
  kind: 'actor' | 'entity';
  id: string;
  chars: number;
  uses: number;
}

/**
 * An error when resolving `pack` would copy more than {@link MAX_REPEATED_CHARS}
 * characters of actors and entities into the index, naming the one that
 * contributes most; none otherwise. `file` names the pack in the issue.
 */
export function repeatedNamesErrors(file: string, pack: Pack): PackIssue[] {
  const resolver = packResolver(pack);
  const targets = new Map<string, Target>();
  let total = 0;
  const count = (kind: Target['kind'], id: string): void => {
    const key = `${kind} ${id}`;
    let target = targets.get(key);
    if (!target) {
      const value = kind === 'actor' ? resolver.actorOf(id) : resolver.entityOf(id);
      target = { kind, id, chars: JSON.stringify(value).length, uses: 0 };
      targets.set(key, target);
    }
    target.uses++;
    total += target.chars;
  };
  for (const claim of pack.claims) {
    for (const id of claim.entities) count('entity', id);
    for (const stance of claim.stances) count('actor', stance.actor);
  }
  if (total <= MAX_REPEATED_CHARS) return [];
  const worst = [...targets.values()].reduce((a, b) => (b.chars * b.uses > a.chars * a.uses ? b : a));
  // An id named as an entity may be an actor: point at the list that defines it.
  const actorIndex = pack.actors.findIndex((a) => a.id === worst.id);
  const [list, index] = actorIndex >= 0 ? ['actors', actorIndex] : ['entities', pack.entities.findIndex((e) => e.id === worst.id)];
  const cited = worst.kind === 'actor' ? `cited by ${worst.uses} stances` : `named by ${worst.uses} claims`;
  const aliases = (actorIndex >= 0 ? pack.actors[actorIndex]! : pack.entities[index]!).aliases.length;
  return [
    {
      file,
      path: `$.${list}[${index}].aliases`,
      field: 'aliases',
      severity: 'error',
      message:
        `${worst.kind} "${worst.id}" (${aliases} aliases, ${megabytes(worst.chars)}) is ${cited}, and the compiled index copies it into each: ` +
        `${megabytes(total)} of repeated names in all, over the ${megabytes(MAX_REPEATED_CHARS)} limit — give it fewer aliases or split the claims into several packs`,
    },
  ];
}
