"""Read models built from the notification log: lists, timelines, obligations, inboxes."""
