export { findVariables, fillVariables, variableName, VARIABLE_NAMES, type FilledText, type VariableName } from './fill.ts';
