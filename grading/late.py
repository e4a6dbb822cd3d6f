"""A late-submission penalty: a share of the score for every day (or part of one) late.

nbgrader calls ``late_submission_penalty`` for each notebook of a submission handed in after the
assignment's due date (``nbgrader db assignment add 05_losses --duedate "..."``), with the
notebook's score and the number of seconds late. With ``percent_per_day = 10`` a notebook worth
8 points handed in 26 hours late (two started days) loses 20 % of 8, that is 1.6 points:

    penalty = score * min(1, ceil(seconds late / 86400) * percent_per_day / 100)

>>> plugin = PercentPerDayLate(percent_per_day=10)
>>> round(plugin.late_submission_penalty("ada", 8.0, 26 * 3600), 6)
1.6
>>> plugin.late_submission_penalty("ada", 8.0, 0) is None
True

Configured in ``nbgrader_config.py``; ``python -m grading export`` applies it again to the scores
as they are after manual grading (``grading.parallel.apply_late_penalties``).
"""
from __future__ import annotations

import math

from traitlets import Float

from nbgrader.plugins import LateSubmissionPlugin


class PercentPerDayLate(LateSubmissionPlugin):
    """Take ``percent_per_day`` % of the score per started day late (never more than the score)."""

    percent_per_day = Float(10.0, help="Share of the score lost per started day late, in %.").tag(config=True)

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        if not total_seconds_late or total_seconds_late <= 0:
            return None
        if not 0 <= self.percent_per_day <= 100:
            raise ValueError(f"PercentPerDayLate.percent_per_day must be in [0, 100], "
                             f"got {self.percent_per_day}")
        days = math.ceil(total_seconds_late / 86400)
        return score * min(1.0, days * self.percent_per_day / 100)
