/**
 * Line on which each element of a JSON list starts: the root array, or the `items` array of a root
 * object. JSON.parse forgets positions, and a province needs "line 57", not "element 12".
 */
export function locateJsonItems(text: string): number[] {
  const lines: number[] = [];
  const stack: string[] = [];
  let line = 1;
  let inString = false;
  let escaped = false;
  let collectKey = false;
  let currentString = '';
  let lastString = '';
  let lastKey = '';
  let targetDepth = -1;
  let expecting = false;

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') {
        inString = false;
        if (collectKey) lastString = currentString;
      } else if (collectKey) currentString += ch;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\uFEFF') continue;
    if (stack.length === targetDepth && expecting && ch !== ']') {
      lines.push(line);
      expecting = false;
    }
    const inRootObject = stack.length === 1 && stack[0] === '{';
    switch (ch) {
      case '"':
        inString = true;
        collectKey = inRootObject;
        currentString = '';
        break;
      case ':':
        if (inRootObject) lastKey = lastString;
        break;
      case '{':
      case '[':
        stack.push(ch);
        if (ch === '[' && targetDepth === -1 && (stack.length === 1 || (inRootObject && lastKey === 'items'))) {
          targetDepth = stack.length;
          expecting = true;
        }
        break;
      case '}':
      case ']':
        if (stack.length === targetDepth) targetDepth = -2;
        stack.pop();
        break;
      case ',':
        if (stack.length === targetDepth) expecting = true;
        break;
    }
  }
  return lines;
}
