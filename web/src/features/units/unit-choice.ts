/** A chosen unit with the label to show even before (or without) loading it again. */
export interface UnitChoice {
  readonly value: string;
  readonly label: string;
}

/** The label of a unit in pickers: "name (code)". */
export function unitChoiceOf(unit: { readonly id: string; readonly name: string; readonly code: string }): UnitChoice {
  return { value: unit.id, label: `${unit.name} (${unit.code})` };
}
