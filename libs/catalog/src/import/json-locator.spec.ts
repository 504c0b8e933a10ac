import { locateJsonItems } from './json-locator';

describe('locateJsonItems', () => {
  it('finds the line of each element of a root array', () => {
    expect(locateJsonItems('[\n  {"a": 1},\n  {"a": [1, 2]},\n\n  {"b": "x]"}\n]')).toEqual([2, 3, 5]);
  });

  it('finds the elements of the items array of an envelope, ignoring other arrays and strings', () => {
    const text = ['{', '  "kind": "agencies",', '  "note": "items: [",', '  "other": [1, 2],', '  "items": [', '    {', '      "x": "\\"items\\""', '    },', '    {"y": 1}', '  ]', '}'].join('\n');
    expect(locateJsonItems(text)).toEqual([6, 9]);
  });
});
