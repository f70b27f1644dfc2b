import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { DisclosureDocument } from '../../shared/disclosures/model.ts';

/** A licence or penalty by its document number, opening its page. */
export function DisclosureLink({
  disclosure,
}: {
  disclosure: Pick<DisclosureDocument, 'id' | 'documentNumber'>;
}) {
  return (
    <Anchor component={Link} to={`/credit/disclosures/${disclosure.id}`}>
      {disclosure.documentNumber}
    </Anchor>
  );
}
