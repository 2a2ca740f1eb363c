import type { AnyNode, ChildNode, Element, ParentNode } from 'domhandler';
import { isTag } from 'domhandler';

/**
 * Nesting deeper than any real article: unclosed <font> or <div> tags in broken pages nest
 * every following element one level deeper, and the recursive passes would overflow the stack.
 */
export const MAX_DEPTH = 400;

/**
 * Flattens, in place, whatever lies deeper than MAX_DEPTH: the element at that depth gets the
 * text and leaf elements of its subtree as direct children, in document order. Iterative, so
 * it cannot overflow the stack itself; a page of sane depth is left untouched.
 */
export function limitDepth(root: AnyNode): void {
  // Two parallel stacks rather than one of [node, depth] pairs: no allocation per node.
  const nodes: AnyNode[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (!hasChildren(node)) continue;
    if (depth >= MAX_DEPTH && isTag(node)) {
      flatten(node);
      continue;
    }
    for (const child of node.children) {
      if (!isTag(child)) continue;
      nodes.push(child);
      depths.push(depth + 1);
    }
  }
}

function hasChildren(node: AnyNode): node is AnyNode & ParentNode {
  return 'children' in node && Array.isArray(node.children) && node.children.length > 0;
}

function flatten(el: Element): void {
  const leaves: ChildNode[] = [];
  const stack: ChildNode[] = [...el.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isTag(node) && node.children.length > 0) {
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
    } else leaves.push(node);
  }
  for (const [i, leaf] of leaves.entries()) {
    leaf.parent = el;
    leaf.prev = leaves[i - 1] ?? null;
    leaf.next = leaves[i + 1] ?? null;
  }
  el.children = leaves;
}
