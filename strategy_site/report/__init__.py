"""The completeness report for reviewers: measures, scores, the accreditation checklist, changes since a revision."""
