// The parser lives in the contract so that the web form parses the number as it is typed,
// with the very rules the server applies; server code keeps importing it from here.
export { formatPartyNumber, isPartyDocType, parsePartyNumber, partyDocTypeList, partyDocTypes, partyNumberMax } from '@tcxd/contract';
export type { PartyDocType, PartyNumber, PartyNumberError, PartyNumberErrorCode, PartyNumberParts, PartyNumberResult, ViEn } from '@tcxd/contract';
