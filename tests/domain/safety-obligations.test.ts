/**
 * Issue 12, Must show: the periodic checks a venue owes, written out in full, from
 * ../shared/reference/registre-securite-erp.md § 3 and § 4.
 */
import {
  MECHANICAL_SMOKE_WITH_SSI,
  type SafetyObligation,
  safetyObligations,
  type VenueProfile,
} from '../../src/domain/safety/obligations';
import { SAFETY_CHECK_TYPES, SAFETY_INSPECTOR_KINDS } from '../../src/schema/sheets/safety';

const bare: VenueProfile = {
  erpCategory: '5e catégorie',
  erpType: 'L – Salles d’audition, de conférences, de réunions, de spectacles ou à usage multiple',
  sleepingQuarters: false,
  hasKitchen: false,
  hasLift: false,
  hasGas: false,
  ssiCategory: 'Aucun',
  smokeExtraction: 'Aucun',
  fixedFireMeans: false,
  hasEmployees: false,
};

const row = (
  checkType: string,
  periodicityMonths: number,
  providerKind: SafetyObligation['providerKind'],
  regulation: string,
  basis: SafetyObligation['basis'],
  toVerify: boolean,
  installation = '',
): SafetyObligation => ({
  checkType,
  installation,
  periodicityMonths,
  providerKind,
  regulation,
  basis,
  toVerify,
});

test('ERP 5th category, type L, a kitchen and no lift: exactly these eight checks', () => {
  expect(safetyObligations({ ...bare, hasKitchen: true, hasLift: false })).toEqual([
    row(
      'Installations électriques – vérification périodique',
      12,
      'Technicien compétent',
      'PE 4 §2 (EL 19 §2 en bonne pratique)',
      'bonne pratique',
      false,
    ),
    row(
      'Éclairage de sécurité – essai de fonctionnement',
      1,
      'Exploitant',
      'EC 14 §3',
      'bonne pratique',
      true,
    ),
    row(
      'Éclairage de sécurité – contrôle d’autonomie (1 h)',
      6,
      'Exploitant',
      'EC 14 §3',
      'bonne pratique',
      true,
    ),
    row(
      'Extincteurs – vérification',
      12,
      'Technicien compétent',
      'MS 38 §4 ; MS 73 §2',
      'bonne pratique',
      true,
    ),
    row('Extincteurs – révision', 120, 'Technicien compétent', 'MS 38 §4', 'bonne pratique', true),
    row(
      'Chauffage, ventilation, climatisation – vérification',
      12,
      'Technicien compétent',
      'CH 58 ; PE 4 §2',
      'bonne pratique',
      false,
    ),
    row(
      'Appareils de cuisson – vérification',
      12,
      'Technicien compétent',
      'GC 22 ; PE 4 §2',
      'bonne pratique',
      false,
    ),
    row(
      'Exercice d’évacuation',
      6,
      'Exploitant',
      'bonne pratique (pas d’obligation tirée du seul règlement ERP)',
      'bonne pratique',
      true,
    ),
  ]);
});

test('ERP 3rd category with a lift and an SSI of category A: exactly these nine obligations', () => {
  expect(
    safetyObligations({
      ...bare,
      erpCategory: '3e catégorie',
      hasLift: true,
      ssiCategory: 'Catégorie A ou B',
    }),
  ).toEqual([
    row(
      'Installations électriques – vérification périodique',
      12,
      'Technicien compétent',
      'EL 19 §2',
      'obligation',
      true,
    ),
    row('Éclairage de sécurité – essai de fonctionnement', 1, 'Exploitant', 'EC 14 §3', 'obligation', false),
    row(
      'Éclairage de sécurité – contrôle d’autonomie (1 h)',
      6,
      'Exploitant',
      'EC 14 §3',
      'obligation',
      false,
    ),
    row('Extincteurs – vérification', 12, 'Technicien compétent', 'MS 38 §4 ; MS 73 §2', 'obligation', false),
    row('Extincteurs – révision', 120, 'Technicien compétent', 'MS 38 §4', 'obligation', false),
    row(
      'Système de sécurité incendie (SSI A ou B) – vérification',
      36,
      'Organisme agréé',
      'MS 73 §1 et §2',
      'obligation',
      false,
    ),
    row(
      'Chauffage, ventilation, climatisation – vérification',
      12,
      'Technicien compétent',
      'CH 58',
      'obligation',
      false,
    ),
    row('Ascenseurs – vérification', 12, 'Organisme agréé', 'AS 9', 'obligation', false),
    row(
      'Exercice d’évacuation',
      6,
      'Exploitant',
      'bonne pratique (pas d’obligation tirée du seul règlement ERP)',
      'bonne pratique',
      true,
    ),
  ]);
});

test('employees bring the labour code: electrical check by an approved body, drills every six months (R. 4227-39)', () => {
  const list = safetyObligations({ ...bare, hasEmployees: true });
  expect(list[0]).toEqual(
    row(
      'Installations électriques – vérification périodique',
      12,
      'Organisme agréé',
      'PE 4 §2 (EL 19 §2 en bonne pratique) ; code du travail R. 4226-16',
      'obligation',
      true,
    ),
  );
  expect(list[list.length - 1]).toEqual(
    row('Exercice d’évacuation', 6, 'Exploitant', 'code du travail R. 4227-39', 'obligation', true),
  );
});

test('mechanical smoke extraction with an SSI A or B adds the 36-month check by an approved body, 1st–4th category only', () => {
  const mechanical = { ...bare, ssiCategory: 'Catégorie A ou B', smokeExtraction: 'Mécanique' };
  const third = safetyObligations({ ...mechanical, erpCategory: '3e catégorie' }).filter(
    (o) => o.checkType === 'Désenfumage – vérification',
  );
  expect(third).toEqual([
    row('Désenfumage – vérification', 12, 'Technicien compétent', 'DF 10 §1-2', 'obligation', false),
    row(
      'Désenfumage – vérification',
      36,
      'Organisme agréé',
      'DF 10 §3',
      'obligation',
      false,
      MECHANICAL_SMOKE_WITH_SSI,
    ),
  ]);
  const fifth = safetyObligations(mechanical).filter((o) => o.checkType === 'Désenfumage – vérification');
  expect(fifth.map((o) => o.periodicityMonths)).toEqual([12]);
});

test('sleeping quarters in the 5th category: the yearly detection upkeep contract is an obligation (PE 4 §1)', () => {
  const without = safetyObligations(bare).map((o) => o.checkType);
  const withSleep = safetyObligations({ ...bare, sleepingQuarters: true });
  expect(without).not.toContain('Système de sécurité incendie – entretien');
  expect(withSleep.find((o) => o.checkType === 'Système de sécurité incendie – entretien')).toMatchObject({
    periodicityMonths: 12,
    regulation: 'PE 4 §1 (contrat annuel d’entretien de la détection)',
    basis: 'obligation',
  });
});

test('an empty category counts as the 5th (the setting’s default)', () => {
  expect(safetyObligations({ ...bare, erpCategory: null })).toEqual(safetyObligations(bare));
});

test('every check is a register check type and every provider a register inspector kind', () => {
  const everything = safetyObligations({
    ...bare,
    erpCategory: '1re catégorie',
    sleepingQuarters: true,
    hasKitchen: true,
    hasLift: true,
    hasGas: true,
    ssiCategory: 'Catégorie A ou B',
    smokeExtraction: 'Mécanique',
    fixedFireMeans: true,
    hasEmployees: true,
  });
  expect(everything).toHaveLength(14);
  for (const o of everything) {
    expect(SAFETY_CHECK_TYPES).toContain(o.checkType);
    expect(SAFETY_INSPECTOR_KINDS).toContain(o.providerKind);
    expect(o.periodicityMonths).toBeGreaterThan(0);
  }
});
