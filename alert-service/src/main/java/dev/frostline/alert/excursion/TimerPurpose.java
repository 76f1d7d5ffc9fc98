package dev.frostline.alert.excursion;

/** Why a timer is set; for listings and logs, the machine re-checks the state when one fires. */
public enum TimerPurpose {
    /** The excursion duration elapses: the excursion becomes an alarm. */
    ALARM_DUE,
    /** The minimum restore duration elapses: the alarm is restored. */
    RESTORE_DUE,
    /** The offline silence elapses since the last reading. */
    OFFLINE_DEADLINE
}
