export interface ActiveAppointment {
  id: string;
  personId: string;
  personName: string;
  personNip: string;
  capacity: 'definitif' | 'plt' | 'plh';
  startsAt: string;
  endsAt: string | null;
}

export interface Position {
  id: string;
  code: string;
  title: string;
  level: string;
  isUnitHead: boolean;
  unitId: string;
  unitCode: string | null;
  unitName: string | null;
  superiorPositionId: string | null;
  superiorCode: string | null;
  superiorTitle: string | null;
  activeAppointments: ActiveAppointment[];
  acting: { personId: string; personName: string; capacity: string } | null;
}

export interface PositionDetail extends Position {
  appointments: (ActiveAppointment & { basis: string | null; endReason: string | null; active: boolean })[];
  subordinates: { id: string; code: string; title: string }[];
}

export interface PositionActing {
  positionId: string;
  positionTitle: string;
  actingNow: { personId: string; name: string; capacity: string; onBehalfOf: { personId: string; name: string } | null } | null;
  current: { id: string; personName: string; capacity: string; startsAt: string; endsAt: string | null }[];
  upcoming: { at: string; change: 'starts' | 'ends'; kind: 'appointment' | 'delegation'; capacity: string; personId: string; name: string }[];
}
