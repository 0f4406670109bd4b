"""Evaluate: monitoring (双监控, 财预〔2019〕136号) and self-evaluation scoring
(绩效自评, 财预〔2020〕10号) of a unit's actuals against its disclosure's plan and targets."""
