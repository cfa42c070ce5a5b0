import { ageBands, type MemberStats } from '@tcxd/contract';
import { Card, Col, Empty, Row } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { EChartView } from '../../app/echart-view.tsx';
import { barOption, barsHeight, childBarsOption, inOrder, largestChildren, pieOption, type Slice, topWithOthers } from './member-chart-options.ts';

const maxChildren = 40;

interface ChartCardProps {
  readonly title: string;
  readonly empty: boolean;
  readonly option: EChartsCoreOption;
  readonly height?: number;
}

function ChartCard({ title, empty, option, height = 280 }: ChartCardProps) {
  const { t } = useI18n();
  return (
    <Card title={title} style={{ height: '100%' }}>
      {empty ? <Empty description={t('memberStats.noData')} /> : <EChartView option={option} height={height} label={title} testId="member-chart" />}
    </Card>
  );
}

const isEmpty = (slices: readonly Slice[]) => slices.every((s) => s.value === 0);

/** The charts of the statistics page: sub-units (full and probationary stacked), sex, age, ethnicity, religion, education, political theory. */
export function MemberStatsCharts({ stats }: { readonly stats: MemberStats }) {
  const { t, tOr } = useI18n();
  const count = t('memberStats.members');
  const others = t('memberStats.others');
  const unknown = t('memberStats.unknown');
  const named = (key: string) => (key === '' || key === 'none' || key === 'unknown' ? unknown : key);
  const sex = inOrder(stats.bySex, ['male', 'female'], (k) => tOr(`sex.${k}`, named(k)));
  const ages = inOrder(stats.byAgeBand, ageBands, (k) => tOr(`ageBand.${k}`, named(k)));
  const ethnicity = topWithOthers(stats.byEthnicity, 10, others, named);
  const religion = stats.byReligion ? topWithOthers(stats.byReligion, 10, others, named) : null;
  const education = topWithOthers(stats.byEducation, 12, others, named);
  const theory = inOrder(stats.byPoliticalTheory, ['so_cap', 'trung_cap', 'cao_cap', 'cu_nhan'], (k) => tOr(`politicalTheory.${k}`, named(k)));
  const children = largestChildren(stats.byChild, maxChildren);

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <ChartCard
          title={
            children.length < stats.byChild.length
              ? t('memberStats.byChildLargest', { unit: stats.unit.name, count: children.length, total: stats.byChild.length })
              : t('memberStats.byChild', { unit: stats.unit.name })
          }
          empty={children.length === 0}
          option={childBarsOption(children, { full: t('memberStatus.full'), probationary: t('memberStatus.probationary') })}
          height={barsHeight(children.length)}
        />
      </Col>
      <Col xs={24} lg={10}>
        <ChartCard title={t('memberStats.bySex')} empty={isEmpty(sex)} option={pieOption(sex, t('memberField.sex'))} />
      </Col>
      <Col xs={24} lg={14}>
        <ChartCard title={t('memberStats.byAgeBand')} empty={isEmpty(ages)} option={barOption(ages, count)} />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={t('memberStats.byEthnicity')} empty={isEmpty(ethnicity)} option={barOption(ethnicity, count, true)} height={barsHeight(ethnicity.length)} />
      </Col>
      {religion ? (
        <Col xs={24} lg={12}>
          <ChartCard title={t('memberStats.byReligion')} empty={isEmpty(religion)} option={barOption(religion, count, true)} height={barsHeight(religion.length)} />
        </Col>
      ) : null}
      <Col xs={24} lg={12}>
        <ChartCard title={t('memberStats.byEducation')} empty={isEmpty(education)} option={barOption(education, count, true)} height={barsHeight(education.length)} />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={t('memberStats.byPoliticalTheory')} empty={isEmpty(theory)} option={barOption(theory, count)} />
      </Col>
    </Row>
  );
}
