/**
 * Strongly connected components of a graph given as adjacency lists over
 * `0..size-1` (Tarjan's algorithm, iterative so 5,000-node flows cannot blow
 * the stack). Components come out in reverse topological order: every
 * component is listed after all components it leads to.
 */
export function findStronglyConnected(size: number, successors: (vertex: number) => readonly number[]): number[][] {
  const state: TarjanState = {
    index: new Int32Array(size).fill(-1),
    low: new Int32Array(size),
    onStack: new Uint8Array(size),
    stack: [],
    components: [],
    counter: 0,
  };
  for (let root = 0; root < size; root++) {
    if (state.index[root] === -1) visitFrom(root, successors, state);
  }
  return state.components;
}

type TarjanState = {
  index: Int32Array;
  low: Int32Array;
  onStack: Uint8Array;
  stack: number[];
  components: number[][];
  counter: number;
};

function enter(vertex: number, state: TarjanState): void {
  state.index[vertex] = state.counter;
  state.low[vertex] = state.counter;
  state.counter += 1;
  state.stack.push(vertex);
  state.onStack[vertex] = 1;
}

function visitFrom(root: number, successors: (vertex: number) => readonly number[], state: TarjanState): void {
  // Each frame is a vertex and how many of its successors were looked at.
  const frames: [number, number][] = [[root, 0]];
  enter(root, state);
  for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
    const [vertex, next] = frame;
    const out = successors(vertex);
    if (next < out.length) {
      frame[1] = next + 1;
      const target = out[next] ?? vertex;
      if (state.index[target] === -1) {
        enter(target, state);
        frames.push([target, 0]);
      } else if (state.onStack[target] === 1) {
        state.low[vertex] = Math.min(valueAt(state.low, vertex), valueAt(state.index, target));
      }
      continue;
    }
    frames.pop();
    const parent = frames.at(-1);
    if (parent !== undefined)
      state.low[parent[0]] = Math.min(valueAt(state.low, parent[0]), valueAt(state.low, vertex));
    if (state.low[vertex] === state.index[vertex]) closeComponent(vertex, state);
  }
}

function closeComponent(vertex: number, state: TarjanState): void {
  const component: number[] = [];
  for (let member = state.stack.pop(); member !== undefined; member = state.stack.pop()) {
    state.onStack[member] = 0;
    component.push(member);
    if (member === vertex) break;
  }
  state.components.push(component);
}

function valueAt(array: Int32Array, position: number): number {
  return array[position] ?? 0;
}
