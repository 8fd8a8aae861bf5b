import { graphql } from '#lib/graphql/index.ts';
import type { ViewerFieldsFragment } from '#lib/graphql/graphql.ts';

graphql(`
  fragment ViewerFields on Viewer {
    person {
      id
      lastName
      firstName
      middleName
      login
      locale
    }
    roles {
      id
      role
      school {
        id
        name
        shortName
      }
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...ViewerFields
    }
  }
`);

export type Viewer = ViewerFieldsFragment;

/** Family name first, as in Russian and Kazakh school records: «Иванова Анна Петровна». */
export function fullName(person: Viewer['person']): string {
  return [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' ');
}
