/**
 * Suspend, reinstate or withdraw a user, with the reason (recorded, and told to the person by e-mail).
 * Suspending or withdrawing ends the person's sessions at once (DESIGN §2).
 */
import { Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/admin.contract.ts';
import { RestrictedMarking } from '../../ui/restricted-banner.tsx';
import { useChangeUserStatus, type UserStatusChange } from './admin.api.ts';
import { TextDecisionForm } from './decision-forms.tsx';

export interface StatusChangeDialogProps {
  target: { user: User; change: UserStatusChange } | null;
  onClose: () => void;
  onChanged: (user: User, change: UserStatusChange) => void;
}

export function StatusChangeDialog({ target, onClose, onChanged }: StatusChangeDialogProps) {
  const { t } = useTranslation();
  const changeStatus = useChangeUserStatus();
  const close = () => {
    changeStatus.reset();
    onClose();
  };
  const name = target ? `${target.user.firstName} ${target.user.lastName}` : '';
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={target ? t(`users.changeTitle.${target.change}`, { name }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      // The default scroll lock injects a <style> element (react-remove-scroll-bar), which our CSP refuses.
      removeScrollProps={{ removeScrollBar: false }}
      size="lg"
    >
      <RestrictedMarking />
      {target ? (
        <>
          <Text size="sm" mb="md">
            {t(`users.changeExplanation.${target.change}`)}
          </Text>
          <TextDecisionForm
            key={`${target.user.id}:${target.change}`}
            field="reason"
            label={t('users.reason')}
            description={t('users.reasonHint')}
            submitLabel={t(`users.actions.${target.change}`)}
            color={target.change === 'reinstate' ? 'teal' : 'red'}
            isPending={changeStatus.isPending}
            error={changeStatus.error}
            onCancel={close}
            onSubmit={(reason) =>
              changeStatus.mutate(
                { id: target.user.id, change: target.change, reason },
                {
                  onSuccess: (user) => {
                    changeStatus.reset();
                    onChanged(user, target.change);
                  },
                },
              )
            }
          />
        </>
      ) : null}
    </Modal>
  );
}
