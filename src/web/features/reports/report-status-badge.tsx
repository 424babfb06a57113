import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../../shared/reports.contract.ts';

const COLOURS: Record<ReportStatus, string> = { draft: 'gray', submitted: 'blue', published: 'teal' };

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant="light" tt="none" data-testid="report-status">
      {t(`reports.status.${status}`)}
    </Badge>
  );
}
