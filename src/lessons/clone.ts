/** A deep copy of JSON data (scenarios and patches are JSON: no functions, dates or cycles). */
export const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
