"""The strategy-site theme for MkDocs (GOV.UK Frontend patterns), registered as the MkDocs theme
``strategy-site``; MkDocs finds its files in this folder."""
