import type { NodeKind, NodeOfKind } from '@parley/flow-schema';
import type { ReactNode } from 'react';
import type { Command } from '../state/use-editor.ts';

export type FormProps<K extends NodeKind> = {
  node: NodeOfKind<K>;
  /** Replaces the node's content (runs `updateNode`). */
  set: (node: NodeOfKind<K>) => void;
  /** Runs another command, e.g. `addButton`. */
  run: (command: Command) => void;
};

export type Form<K extends NodeKind> = (props: FormProps<K>) => ReactNode;

/** Empty optional text is stored as absent, so exports stay minimal and the schema's defaults apply. */
export const optional = (text: string): string | undefined => (text === '' ? undefined : text);
