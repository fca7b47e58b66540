/**
 * Strongly connected components of a graph given as adjacency lists over
 * `0..size-1` (Tarjan's algorithm, iterative so 5,000-node flows cannot blow
 * the stack). Components come out in reverse topological order: every
 * component is listed after all components it leads to.
 */
export function findStronglyConnected(size: number, successors: (vertex: number) => readonly number[]): number[][] {
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  for (let root = 0; root < size; root++) {
    if (index[root] !== -1) continue;
    // Each frame is a vertex and how many of its successors were visited.
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (frame === undefined) break;
      const [vertex, next] = frame;
      const out = successors(vertex);
      if (next < out.length) {
        frame[1] = next + 1;
        const target = out[next] ?? -1;
        if (index[target] === -1) {
          index[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = 1;
          frames.push([target, 0]);
        } else if (onStack[target] === 1) {
          low[vertex] = Math.min(at(low, vertex), at(index, target));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent[0]] = Math.min(at(low, parent[0]), at(low, vertex));
      if (low[vertex] === index[vertex]) {
        const component: number[] = [];
        let member: number | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack[member] = 0;
          component.push(member);
        } while (member !== vertex);
        components.push(component);
      }
    }
  }
  return components;
}

function at(array: Int32Array, position: number): number {
  return array[position] ?? 0;
}
