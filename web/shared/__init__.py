"""What every web capability stands on: dependencies, forms, labels, templates, error answers, security."""
