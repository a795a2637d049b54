// Business rewrites with visible, unfilled placeholders. The tool never writes a number the author
// did not: every figure is a placeholder ([X], [N], [M], [baseline]…) the author must fill in.
// Impact dimensions follow the seed's KPI catalog per platform domain.
import type { DomainId } from './lexicon.js';
import type { Lang } from './types.js';

interface Impact {
  /** Short label listing the impact dimensions, for menu titles. */
  dims: { en: string; zh: string };
  /** Clause appended to the sentence (starts with its own separator). */
  clause: { en: string; zh: string };
}

type ImpactKey = DomainId | 'generic';

/** Impact clauses per domain. Each names a business outcome the classifier recognises. */
export const IMPACTS: Record<ImpactKey, Impact[]> = {
  iam: [
    {
      dims: { en: 'onboarding time, permission tickets', zh: '接入时间、权限工单' },
      clause: {
        en: ', cutting onboarding of a new business line from [N] days to [M] days and permission-related tickets by [X]%',
        zh: '，使新业务线接入时间从 [N] 天缩短到 [M] 天、权限问题工单量减少 [X]%',
      },
    },
    {
      dims: { en: 'compliance risk', zh: '合规风险' },
      clause: {
        en: ', reducing compliance risk by [X]% ([N] fewer audit findings per year)',
        zh: '，使合规风险减少 [X]%（每年审计问题减少 [N] 个）',
      },
    },
  ],
  audit: [
    {
      dims: { en: 'audit coverage, risk found early', zh: '审计覆盖率、风险发现' },
      clause: {
        en: ', raising audit coverage from [X]% to [Y]% so compliance risk events are found [N] days sooner',
        zh: '，使审计覆盖率从 [X]% 提升到 [Y]%、风险事件提前 [N] 天发现，合规风险减少 [Z]%',
      },
    },
  ],
  monitoring: [
    {
      dims: { en: 'MTTR, time lost to alert noise', zh: 'MTTR、值班人力' },
      clause: {
        en: ', cutting mean time to recovery from [N] minutes to [M] minutes and the engineering time lost to false alarms by [X]%',
        zh: '，使故障平均恢复时间从 [N] 分钟缩短到 [M] 分钟、处理误告警的值班人力减少 [X]%',
      },
    },
  ],
  testing: [
    {
      dims: { en: 'regression cost, case reuse', zh: '回归成本、用例复用' },
      clause: {
        en: ', cutting regression cost per release by [X]% ([N] person-days) and reusing [Y]% of test cases across teams',
        zh: '，使每次发布的回归成本降低 [X]%（节省 [N] 人天）、测试用例复用率提升到 [Y]%',
      },
    },
  ],
  delivery: [
    {
      dims: { en: 'lead time, release frequency', zh: '交付周期、发布频率' },
      clause: {
        en: ', shortening lead time from [N] days to [M] days and raising release frequency to [X] per week',
        zh: '，使需求交付周期从 [N] 天缩短到 [M] 天、发布频率提升到每周 [X] 次',
      },
    },
  ],
  performance: [
    {
      dims: { en: 'user wait, conversion', zh: '用户等待、转化率' },
      clause: {
        en: ', cutting user-facing wait by [X]% and lifting conversion by [Y]% for [who]',
        zh: '，使[用户]的等待时间减少 [X]%、转化率提升 [Y]%',
      },
    },
    {
      dims: { en: 'capacity cost', zh: '容量成本' },
      clause: {
        en: ', serving the same traffic with [X]% less capacity cost ([N] per month)',
        zh: '，使同等流量下的机器成本降低 [X]%（每月节省 [N] 元）',
      },
    },
  ],
  infrastructure: [
    {
      dims: { en: 'infrastructure spend', zh: '基础设施费用' },
      clause: {
        en: ', saving [X]% of infrastructure spend ([N] per month)',
        zh: '，使基础设施费用降低 [X]%（每月节省 [N] 元）',
      },
    },
  ],
  migration: [
    {
      dims: { en: 'run cost, systems retired', zh: '运行成本、下线系统' },
      clause: {
        en: ', cutting run cost by [X]% and decommissioning [N] legacy systems',
        zh: '，使运行成本降低 [X]%、下线 [N] 套老系统',
      },
    },
  ],
  reliability: [
    {
      dims: { en: 'customer incidents, revenue at risk', zh: '客户故障、收入损失' },
      clause: {
        en: ', cutting customer-facing incidents by [X]% and the revenue lost to downtime by [N] per year',
        zh: '，使影响客户的故障减少 [X]%、因停机造成的收入损失每年减少 [N] 元',
      },
    },
  ],
  generic: [
    {
      dims: { en: 'onboarding cost, launch speed, compliance risk', zh: '接入成本、上线速度、合规风险' },
      clause: {
        en: ', cutting the cost of onboarding a new business by [X]%, speeding up time to market for new business by [Y]% and reducing compliance risk by [Z]%',
        zh: '，使新业务接入成本降低 [X]%、上线速度加快 [Y]%、合规风险减少 [Z]%',
      },
    },
  ],
};

export interface Rewrite {
  title: string;
  /** Text to insert at the sentence's insertion point. */
  insert: string;
}

/** 1–3 rewrites for a technical claim: the domains it is about first, then the generic one. */
export function techRewrites(domains: DomainId[], lang: Lang): Rewrite[] {
  const picked: Impact[] = [];
  for (const d of domains) {
    for (const impact of IMPACTS[d]) {
      if (picked.length < 2 && !picked.includes(impact)) picked.push(impact);
    }
    if (picked.length >= 2) break;
  }
  picked.push(IMPACTS.generic[0]!);
  const prefix = lang === 'zh' ? '补充业务收益：' : 'Add business impact: ';
  return picked.slice(0, 3).map((i) => ({ title: prefix + i.dims[lang], insert: i.clause[lang] }));
}

/** Rewrites that make a business outcome measurable. */
export function quantifyRewrites(lang: Lang): { afterPhrase: Rewrite; atEnd: Rewrite } {
  return lang === 'zh'
    ? {
        afterPhrase: { title: '补充量化：降低/提升 [X]%（从基线到目标）', insert: ' [X]%（从 [基线] 到 [目标]）' },
        atEnd: { title: '补充衡量方式：指标、基线、目标', insert: '（以 [指标] 衡量：从 [基线] 到 [目标]，由 [团队] 统计）' },
      }
    : {
        afterPhrase: { title: 'Quantify: by [X]% (from baseline to target)', insert: ' by [X]% (from [baseline] to [target])' },
        atEnd: { title: 'Say how it is measured: metric, baseline, target', insert: ', measured as [metric] going from [baseline] to [target] (source: [team])' },
      };
}
