/** Prop-firm rules: rule states, headroom and the pre-trade check (pure). See docs/prop-firm-rules.md. */
export * from './propfirm-types.ts';
export * from './evaluate-rules.ts';
export * from './check-proposed-trade.ts';
