/**
 * The accounts the demo's budget lines and operations pick: accounts of the reference chart,
 * which setup writes into « Comptes » (the demo brings no accounts of its own).
 */

import { accountTitle as titleOf, chartAccount } from '../domain/finance/chart-of-accounts';

/**
 * What « Budget prévisionnel » and « Opérations » store for an account: the value of the formula
 * column « Compte » of « Comptes » (`number label`, e.g. `613 Locations`), since that is what the
 * dropdown offers once the sheet has computed it.
 */
export function accountTitle(number: string): string {
  return titleOf(chartAccount(number));
}
