/** DOMAIN §3: the elephant taxa, whose records a Party may agree to send to ETIS. One rule for imports and corrections. */
export function isElephantTaxon(taxon: {
  name: string;
  family: string | null;
  orderName: string | null;
}): boolean {
  return taxon.family === 'Elephantidae' || taxon.name === 'Proboscidea' || taxon.orderName === 'Proboscidea';
}
