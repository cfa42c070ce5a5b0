import type { ElectionView } from '@tcxd/contract';
import { Button, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { electionPath } from './elections-api.ts';

/**
 * The setup as recorded: body, seats, the candidate check, the base with each exclusion and
 * its reason, floor nominations with their agreement, the counting committee; a link to edit
 * it while no ballot has been keyed.
 */
export function SetupTab({ election: e, editable }: { readonly election: ElectionView; readonly editable: boolean }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={16}>
      {editable ? <Link to={`${electionPath(e.id)}/edit`}><Button>{t('elections.editSetup')}</Button></Link> : null}
      <Descriptions bordered size="small" column={2} items={[
        { key: 'body', label: t('elections.body'), children: t(`elections.bodies.${e.body}`) },
        { key: 'seats', label: t('elections.seats'), children: e.seats },
        { key: 'candidates', label: t('elections.candidates'), children: e.candidates.length },
        { key: 'check', label: t('elections.check'), children: e.candidateCheck.messages.map((m) => m.message).join('; ') || e.candidateCheck.verdict },
        { key: 'base', label: t('elections.results.base'), children: <span data-testid="election-base">{`${e.base.convened} − ${e.base.excluded} = ${e.base.base}`}</span> },
        { key: 'present', label: t('elections.present'), children: e.base.votersPresent },
      ]} />
      {e.base.exclusions.length > 0 ? (
        <List size="small" bordered header={<Typography.Text strong>{t('elections.exclusions')}</Typography.Text>} dataSource={e.base.exclusions}
          renderItem={(x) => <List.Item>{`${x.person} — ${t(`elections.exclusionKinds.${x.kind}`)}: ${x.reason}`}</List.Item>} />
      ) : null}
      {e.floorNominations.length > 0 ? (
        <List size="small" bordered header={<Typography.Text strong>{t('elections.nominations')}</Typography.Text>} dataSource={e.floorNominations}
          renderItem={(n) => (
            <List.Item>
              {n.fullName}{' '}
              <Tag color={n.admitted ? 'green' : 'default'}>{t(n.admitted ? 'elections.nominationAdmitted' : 'elections.nominationRefused', { agreeing: n.agreeing, present: n.present })}</Tag>
            </List.Item>
          )} />
      ) : null}
      <List size="small" bordered header={<Typography.Text strong>{t('elections.committee')}</Typography.Text>} dataSource={e.committee}
        renderItem={(c) => <List.Item>{`${c.fullName} — ${t(`elections.committeeRoles.${c.role}`)}`}</List.Item>} />
    </Flex>
  );
}
