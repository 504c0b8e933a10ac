import { authorisationWithoutProxy, identityNotMatched, proxyWithoutAuthorisation } from './returns.errors';

export const RECIPIENT_KINDS = ['APPLICANT', 'RECIPIENT', 'AUTHORISED_PROXY'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/**
 * ID documents accepted at delivery (TT 17/2017 Đ5.2.d lists CMND, passport and CCCD; CMND cards
 * expired on 31/12/2024, so a CCCD or a passport). Only the type and the clerk's match are kept:
 * the number is never asked for, stored or sent.
 */
export const IDENTITY_DOCUMENT_TYPES = ['CCCD', 'PASSPORT'] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

export interface IdentityCheck {
  readonly recipientKind: RecipientKind;
  readonly documentType: IdentityDocumentType;
  /** The courier or clerk compared the document with the person and the recipient on file. */
  readonly matches: boolean;
  /** The authorisation (giấy uỷ quyền) a proxy presents, as an opaque reference. */
  readonly authorisationRef?: string;
}

/**
 * TT 17/2017 Đ5.2.d: the recipient shows an ID document; a proxy shows an authorisation with it.
 * A proxy without an authorisation is a malformed delivery (400); a document that does not match
 * refuses the handover (422).
 */
export function assertRecipientIdentity(check: IdentityCheck): void {
  if (check.recipientKind === 'AUTHORISED_PROXY' && !check.authorisationRef) throw proxyWithoutAuthorisation();
  if (check.recipientKind !== 'AUTHORISED_PROXY' && check.authorisationRef) throw authorisationWithoutProxy();
  if (!check.matches) throw identityNotMatched();
}
