/**
 * Which periodic checks a venue owes, from its ERP classification and its equipment: derived line
 * by line from ../shared/reference/registre-securite-erp.md § 3 (table of checks) and § 4
 * (evacuation drills). Pure: the schedule sheet, the setup proposal and the tests all read it.
 *
 * What is left out on purpose, because the reference gives no periodicity in months: the
 * emergency lighting upkeep (EC 13, « à la demande »), the SSI upkeep (MS 68, « selon contrat »,
 * except the annual detection contract of PE 4 §1), the lift after a major change (AS 9, « avant
 * remise en service »), furnishings (AM, no periodic check) and the permanent upkeep of
 * extinguishing and alarm devices (MS 72, « permanent »).
 */

/** Who carries out a check (GE 6), as the register's « Qualité de l’intervenant » spells it. */
export type ProviderKind = 'Exploitant' | 'Technicien compétent' | 'Organisme agréé';

/** Whether the periodicity is required by a text, or the 1st–4th category periodicity kept as good practice. */
export type ObligationBasis = 'obligation' | 'bonne pratique';

/** A periodic check the venue owes. */
export interface SafetyObligation {
  /** One of the register's check types (SAFETY_CHECK_TYPES of src/schema/sheets/safety.ts). */
  checkType: string;
  /** Set when the same check type is owed twice (a second, distinct verification). */
  installation: string;
  periodicityMonths: number;
  providerKind: ProviderKind;
  /** The article(s) the line cites, e.g. « EC 14 §3 ». */
  regulation: string;
  basis: ObligationBasis;
  /** The reference marks the line (for this category) « à vérifier ». */
  toVerify: boolean;
}

/** What the planning reads of « Paramètres du lieu ». */
export interface VenueProfile {
  /** « 1re catégorie » … « 5e catégorie »; empty is the 5th (the setting's default). */
  erpCategory: string | null;
  erpType: string | null;
  sleepingQuarters: boolean;
  hasKitchen: boolean;
  hasLift: boolean;
  hasGas: boolean;
  /** « Aucun », « Catégorie A ou B » or « Autre catégorie (C, D ou E) ». */
  ssiCategory: string | null;
  /** « Aucun », « Naturel » or « Mécanique ». */
  smokeExtraction: string | null;
  fixedFireMeans: boolean;
  hasEmployees: boolean;
}

/** Check types the planning uses (each one is an option of the register's « Vérification »). */
export const CHECK = {
  electrical: 'Installations électriques – vérification périodique',
  lightingTest: 'Éclairage de sécurité – essai de fonctionnement',
  lightingAutonomy: 'Éclairage de sécurité – contrôle d’autonomie (1 h)',
  extinguishers: 'Extincteurs – vérification',
  extinguisherOverhaul: 'Extincteurs – révision',
  fixedMeans: 'Moyens de secours (alarme, RIA, détection) – vérification',
  ssi: 'Système de sécurité incendie (SSI A ou B) – vérification',
  ssiUpkeep: 'Système de sécurité incendie – entretien',
  smoke: 'Désenfumage – vérification',
  heating: 'Chauffage, ventilation, climatisation – vérification',
  gas: 'Gaz – vérification',
  cooking: 'Appareils de cuisson – vérification',
  lift: 'Ascenseurs – vérification',
  drill: 'Exercice d’évacuation',
} as const;

/**
 * The installation naming the second smoke-extraction line (DF 10 §3, every 36 months by an
 * approved body): the same check type as the yearly one, told apart by its installation.
 */
export const MECHANICAL_SMOKE_WITH_SSI = 'Désenfumage mécanique asservi au SSI A ou B';

/** True for the 5th category (also when the category is not filled in: the setting defaults to it). */
export function isFifthCategory(profile: Pick<VenueProfile, 'erpCategory'>): boolean {
  const category = (profile.erpCategory ?? '').trim();
  return category === '' || category.startsWith('5');
}

/** The periodic checks owed by the venue, in the order of the reference's table. */
export function safetyObligations(profile: VenueProfile): SafetyObligation[] {
  const fifth = isFifthCategory(profile);
  const erpBasis: ObligationBasis = fifth ? 'bonne pratique' : 'obligation';
  const ssiAB = profile.ssiCategory === 'Catégorie A ou B';
  const smoke = profile.smokeExtraction === 'Naturel' || profile.smokeExtraction === 'Mécanique';
  const list: SafetyObligation[] = [];
  const add = (o: Omit<SafetyObligation, 'installation'> & { installation?: string }): void => {
    list.push({ installation: '', ...o });
  };

  // Electrical installations: EL 19 §2 (TC or OA; « OA en périodique : à vérifier »); in the
  // 5th category PE 4 §2 with 12 months recommended. With employees the labour code's yearly
  // check (R. 4226-16, « à vérifier ») applies too: one visit usually covers both.
  add({
    checkType: CHECK.electrical,
    periodicityMonths: 12,
    providerKind: profile.hasEmployees ? 'Organisme agréé' : 'Technicien compétent',
    regulation: [
      fifth ? 'PE 4 §2 (EL 19 §2 en bonne pratique)' : 'EL 19 §2',
      ...(profile.hasEmployees ? ['code du travail R. 4226-16'] : []),
    ].join(' ; '),
    basis: profile.hasEmployees ? 'obligation' : erpBasis,
    toVerify: profile.hasEmployees || !fifth,
  });
  // Emergency lighting: EC 14 §3, by the operator; the 5th category column says « à vérifier ».
  add({
    checkType: CHECK.lightingTest,
    periodicityMonths: 1,
    providerKind: 'Exploitant',
    regulation: 'EC 14 §3',
    basis: erpBasis,
    toVerify: fifth,
  });
  add({
    checkType: CHECK.lightingAutonomy,
    periodicityMonths: 6,
    providerKind: 'Exploitant',
    regulation: 'EC 14 §3',
    basis: erpBasis,
    toVerify: fifth,
  });
  // Extinguishers: MS 38 §4 and MS 73 §2; the PE article on extinguishers is « à vérifier ».
  add({
    checkType: CHECK.extinguishers,
    periodicityMonths: 12,
    providerKind: 'Technicien compétent',
    regulation: 'MS 38 §4 ; MS 73 §2',
    basis: erpBasis,
    toVerify: fifth,
  });
  add({
    checkType: CHECK.extinguisherOverhaul,
    periodicityMonths: 120,
    providerKind: 'Technicien compétent',
    regulation: 'MS 38 §4',
    basis: erpBasis,
    toVerify: fifth,
  });
  if (profile.fixedFireMeans) {
    add({
      checkType: CHECK.fixedMeans,
      periodicityMonths: 12,
      providerKind: 'Technicien compétent',
      regulation: fifth ? 'MS 73 §2 ; PE 4 §2' : 'MS 73 §2',
      basis: erpBasis,
      toVerify: false,
    });
  }
  if (ssiAB) {
    add({
      checkType: CHECK.ssi,
      periodicityMonths: 36,
      providerKind: 'Organisme agréé',
      regulation: 'MS 73 §1 et §2',
      basis: erpBasis,
      toVerify: false,
    });
  }
  // 5th category with sleeping quarters: the yearly upkeep contract of the automatic detection
  // is an obligation (PE 4 §1), whatever the SSI category.
  if (fifth && profile.sleepingQuarters) {
    add({
      checkType: CHECK.ssiUpkeep,
      periodicityMonths: 12,
      providerKind: 'Technicien compétent',
      regulation: 'PE 4 §1 (contrat annuel d’entretien de la détection)',
      basis: 'obligation',
      toVerify: false,
    });
  }
  if (smoke) {
    add({
      checkType: CHECK.smoke,
      periodicityMonths: 12,
      providerKind: 'Technicien compétent',
      regulation: fifth ? 'DF 10 §1-2 ; PE 4 §2' : 'DF 10 §1-2',
      basis: erpBasis,
      toVerify: false,
    });
  }
  // DF 10 §3: mechanical smoke extraction with an SSI A or B, every 36 months by an approved
  // body; the 5th category column says « — » (not applicable).
  if (!fifth && ssiAB && profile.smokeExtraction === 'Mécanique') {
    add({
      checkType: CHECK.smoke,
      installation: MECHANICAL_SMOKE_WITH_SSI,
      periodicityMonths: 36,
      providerKind: 'Organisme agréé',
      regulation: 'DF 10 §3',
      basis: 'obligation',
      toVerify: false,
    });
  }
  // Heating, ventilation, cooling: CH 58 (every building is heated or ventilated).
  add({
    checkType: CHECK.heating,
    periodicityMonths: 12,
    providerKind: 'Technicien compétent',
    regulation: fifth ? 'CH 58 ; PE 4 §2' : 'CH 58',
    basis: erpBasis,
    toVerify: false,
  });
  if (profile.hasGas) {
    add({
      checkType: CHECK.gas,
      periodicityMonths: 12,
      providerKind: 'Technicien compétent',
      regulation: fifth ? 'GZ 30 ; PE 4 §2' : 'GZ 30',
      basis: erpBasis,
      toVerify: false,
    });
  }
  if (profile.hasKitchen) {
    add({
      checkType: CHECK.cooking,
      periodicityMonths: 12,
      providerKind: 'Technicien compétent',
      regulation: fifth ? 'GC 22 ; PE 4 §2' : 'GC 22',
      basis: erpBasis,
      toVerify: false,
    });
  }
  // Lifts: AS 9 by an approved body; in the 5th category a competent technician (PE 4 §2), the
  // CCH's own lift obligations being « à vérifier ».
  if (profile.hasLift) {
    add({
      checkType: CHECK.lift,
      periodicityMonths: 12,
      providerKind: fifth ? 'Technicien compétent' : 'Organisme agréé',
      regulation: fifth ? 'AS 9 ; PE 4 §2' : 'AS 9',
      basis: erpBasis,
      toVerify: fifth,
    });
  }
  // Evacuation drills, twice a year (issue 12). § 4: with employees the labour code asks for
  // drills at least every six months (R. 4227-37 to R. 4227-39, « à vérifier »); without, no
  // obligation follows from the ERP rules alone for types L, N, W, X, Y (« à vérifier »).
  add({
    checkType: CHECK.drill,
    periodicityMonths: 6,
    providerKind: 'Exploitant',
    regulation: profile.hasEmployees
      ? 'code du travail R. 4227-39'
      : 'bonne pratique (pas d’obligation tirée du seul règlement ERP)',
    basis: profile.hasEmployees ? 'obligation' : 'bonne pratique',
    toVerify: true,
  });
  return list;
}

/** Key of a check in the schedule: its type and installation, case and spaces ignored. */
export function obligationKey(checkType: string, installation: string | null | undefined): string {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return `${norm(checkType)}\u0000${norm(installation ?? '')}`;
}
