"""依申请公开: applications from citizens, the statutory clock, replies and statistics."""
