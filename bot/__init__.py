"""The front desk: chat, schedule, storage."""
