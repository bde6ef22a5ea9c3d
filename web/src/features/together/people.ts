/** The two partners as this phone sees them (composed by the route from the couple space). */
export interface CouplePeople {
  me: { id: string; name: string };
  partner: { id: string; name: string };
}

/** A partner's name as this phone says it: "You" for me. */
export function nameOf(people: CouplePeople, partnerId: string | null, you: string): string {
  return partnerId === people.me.id ? you : partnerId === people.partner.id ? people.partner.name : '';
}
